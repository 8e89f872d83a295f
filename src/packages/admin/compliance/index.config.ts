export default definePageConfig({ navigationBarTitleText: '职责完成情况' });

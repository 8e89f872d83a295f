export default definePageConfig({ navigationBarTitleText: '全校职责完成情况' });

export default definePageConfig({ navigationBarTitleText: '学业助理信息申报表' });

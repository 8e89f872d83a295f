export default definePageConfig({ navigationBarTitleText: '运行警示规则' });

export default definePageConfig({ navigationBarTitleText: '审核警示名单' });

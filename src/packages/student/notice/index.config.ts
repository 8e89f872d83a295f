export default definePageConfig({ navigationBarTitleText: '学业警示通知' });

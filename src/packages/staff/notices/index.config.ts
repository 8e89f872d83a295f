export default definePageConfig({ navigationBarTitleText: '警示通知跟踪' });

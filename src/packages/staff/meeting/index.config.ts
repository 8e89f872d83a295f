export default definePageConfig({ navigationBarTitleText: '约谈与会议' });

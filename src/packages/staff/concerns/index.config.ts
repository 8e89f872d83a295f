export default definePageConfig({ navigationBarTitleText: '任课教师反映' });

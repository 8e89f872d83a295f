export default definePageConfig({ navigationBarTitleText: '任课学生' });

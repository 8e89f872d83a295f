export default definePageConfig({ navigationBarTitleText: '学生' });

export default definePageConfig({ navigationBarTitleText: '学业警示学生' });

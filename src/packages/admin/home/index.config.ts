export default definePageConfig({ navigationBarTitleText: '学院工作台' });

export default definePageConfig({ navigationBarTitleText: '个人学习计划' });

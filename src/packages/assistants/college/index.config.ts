export default definePageConfig({ navigationBarTitleText: '学业助理选聘' });

export default definePageConfig({ navigationBarTitleText: '学业助理审核与公示' });

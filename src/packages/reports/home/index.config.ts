export default definePageConfig({ navigationBarTitleText: '帮扶效果分析' });

export default definePageConfig({ navigationBarTitleText: '打印文书' });

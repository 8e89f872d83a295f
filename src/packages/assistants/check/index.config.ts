export default definePageConfig({ navigationBarTitleText: '资格审核' });

export default definePageConfig({ navigationBarTitleText: '学期校历' });

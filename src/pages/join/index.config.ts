export default definePageConfig({ navigationBarTitleText: '加入学院' });

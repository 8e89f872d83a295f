export default definePageConfig({ navigationBarTitleText: '文书打印与学期归档' });

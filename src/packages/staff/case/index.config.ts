export default definePageConfig({ navigationBarTitleText: '帮扶个案' });

export default definePageConfig({ navigationBarTitleText: '学业帮扶' });

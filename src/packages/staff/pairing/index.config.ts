export default definePageConfig({ navigationBarTitleText: '朋辈帮扶' });

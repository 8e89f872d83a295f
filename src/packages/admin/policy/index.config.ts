export default definePageConfig({ navigationBarTitleText: '警示政策参数' });

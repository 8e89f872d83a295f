export default definePageConfig({ navigationBarTitleText: '通知异议处理' });

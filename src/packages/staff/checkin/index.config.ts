export default definePageConfig({ navigationBarTitleText: '签到与记录' });

export default definePageConfig({ navigationBarTitleText: '配备班级与津贴' });

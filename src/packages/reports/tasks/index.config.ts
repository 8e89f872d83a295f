export default definePageConfig({ navigationBarTitleText: '课程分析与改进任务' });

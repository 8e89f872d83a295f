export default definePageConfig({ navigationBarTitleText: '导入班级指标' });

export default definePageConfig({ navigationBarTitleText: '导出与下载记录' });

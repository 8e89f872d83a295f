export default definePageConfig({ navigationBarTitleText: '面谈与会谈' });

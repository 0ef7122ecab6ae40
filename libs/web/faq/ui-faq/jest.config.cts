module.exports = {
  displayName: 'web-faq-ui-faq',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/faq/ui-faq',
};

module.exports = {
  displayName: 'web-faq-feature-faq',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/faq/feature-faq',
};

module.exports = {
  displayName: 'web-faq-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/faq/data-access',
};

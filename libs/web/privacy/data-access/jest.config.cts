module.exports = {
  displayName: 'web-privacy-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/privacy/data-access',
};

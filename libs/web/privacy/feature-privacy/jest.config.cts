module.exports = {
  displayName: 'web-privacy-feature-privacy',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/privacy/feature-privacy',
};

module.exports = {
  displayName: 'web-public-feature-newsletter',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-newsletter',
};

module.exports = {
  displayName: 'web-public-feature-project',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-project',
};

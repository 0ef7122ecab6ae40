module.exports = {
  displayName: 'web-public-feature-dept-projects',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-dept-projects',
};

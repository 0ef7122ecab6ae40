module.exports = {
  displayName: 'web-projects-feature-detail',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/projects/feature-detail',
};

module.exports = {
  displayName: 'web-workspace-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/workspace/data-access',
};

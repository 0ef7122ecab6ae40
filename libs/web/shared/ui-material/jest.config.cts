module.exports = {
  displayName: 'web-shared-ui-material',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/shared/ui-material',
};

module.exports = {
  displayName: 'web-shared-util-format',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/shared/util-format',
};

module.exports = {
  displayName: 'web-shared-util-forms',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/shared/util-forms',
};

module.exports = {
  displayName: 'web-public-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/data-access',
};

module.exports = {
  displayName: 'web-notifications-feature-notifications',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/notifications/feature-notifications',
};

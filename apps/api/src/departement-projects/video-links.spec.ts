import { acceptedVideoHost } from './video-links';

describe(acceptedVideoHost.name, () => {
  const own = ['video.valdoise.fr'];

  it('accepts PeerTube video pages on any https host, and answers the host to show', () => {
    expect(acceptedVideoHost('https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d', own)).toBe('tube.example.org');
    expect(acceptedVideoHost('https://Peertube.Example.org/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv', own)).toBe('peertube.example.org');
  });

  it('accepts any page of the département’s own hosts', () => {
    expect(acceptedVideoHost('https://video.valdoise.fr/chantier-college?t=3', own)).toBe('video.valdoise.fr');
  });

  it('refuses other platforms, other paths, http, credentials and ports', () => {
    expect(acceptedVideoHost('https://www.youtube.com/watch?v=dQw4w9WgXcQ', own)).toBeNull();
    expect(acceptedVideoHost('https://youtu.be/dQw4w9WgXcQ', own)).toBeNull();
    expect(acceptedVideoHost('https://tube.example.org/videos/embed/abc', own)).toBeNull();
    expect(acceptedVideoHost('http://video.valdoise.fr/x', own)).toBeNull();
    expect(acceptedVideoHost('https://user:pw@video.valdoise.fr/x', own)).toBeNull();
    expect(acceptedVideoHost('https://video.valdoise.fr:8443/x', own)).toBeNull();
    expect(acceptedVideoHost('javascript:alert(1)', own)).toBeNull();
    expect(acceptedVideoHost('pas une adresse', own)).toBeNull();
  });
});

import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ChartCanvas } from './chart-canvas';
import { countBarConfig } from './chart-configs';
import { CHART_RENDERER, type IndicatorChartConfig } from './chart-renderer';

describe(ChartCanvas.name, () => {
  let fixture: ComponentFixture<ChartCanvas>;
  let drawn: { canvas: HTMLCanvasElement; config: IndicatorChartConfig; destroy: jest.Mock }[];

  beforeEach(async () => {
    drawn = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: CHART_RENDERER,
          useValue: async (canvas: HTMLCanvasElement, config: IndicatorChartConfig) => {
            const chart = { canvas, config, destroy: jest.fn() };
            drawn.push(chart);
            return chart;
          },
        },
      ],
    });
    fixture = TestBed.createComponent(ChartCanvas);
    fixture.componentRef.setInput('config', countBarConfig([{ label: 'Prévu', count: 3 }], 'Projets'));
    fixture.componentRef.setInput('label', 'Graphique des projets par état');
    await fixture.whenStable();
  });

  it('draws in a canvas named as an image, in a container of fixed height', () => {
    expect(drawn).toHaveLength(1);
    const canvas = (fixture.nativeElement as HTMLElement).querySelector('canvas');
    expect(drawn[0].canvas).toBe(canvas);
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Graphique des projets par état');
    expect(((fixture.nativeElement as HTMLElement).querySelector('.chart') as HTMLElement).style.height).toBe('280px');
  });

  it('draws again when the figures change, the former chart destroyed first, and destroys the chart with the component', async () => {
    fixture.componentRef.setInput('config', countBarConfig([{ label: 'Prévu', count: 5 }], 'Projets'));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(drawn).toHaveLength(2);
    expect(drawn[0].destroy).toHaveBeenCalled();
    expect(drawn[1].config.data.datasets[0].data).toEqual([5]);
    fixture.destroy();
    expect(drawn[1].destroy).toHaveBeenCalled();
  });

  it('says where the values are when the chart cannot be drawn', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: CHART_RENDERER, useValue: () => Promise.reject(new Error('no canvas')) }] });
    const failing = TestBed.createComponent(ChartCanvas);
    failing.componentRef.setInput('config', countBarConfig([], 'Projets'));
    failing.componentRef.setInput('label', 'Graphique');
    await failing.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await failing.whenStable();
    expect((failing.nativeElement as HTMLElement).textContent).toContain('le tableau en donne les valeurs');
    spy.mockRestore();
  });
});

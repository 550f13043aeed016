// Page object for the app shell: how the tests find and drive things, in one place.
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly backend: Locator;
  readonly modelStatus: Locator;
  readonly prediction: Locator;
  readonly notices: Locator;
  /** The one notice that names every value of the link that was ignored. */
  readonly linkNotice: Locator;
  readonly error: Locator;
  readonly gallery: Locator;
  readonly inputCaption: Locator;
  readonly pathwayView: Locator;

  constructor(readonly page: Page) {
    this.backend = page.getByTestId('backend');
    this.modelStatus = page.getByTestId('model-status');
    this.prediction = page.getByTestId('prediction');
    this.notices = page.getByTestId('notices');
    this.linkNotice = this.notices.getByRole('status').filter({ hasText: "The link's" });
    this.error = page.getByTestId('error');
    this.gallery = page.getByTestId('gallery');
    this.inputCaption = page.getByTestId('input-caption');
    this.pathwayView = page.getByTestId('pathway-view');
  }

  /** Opens the app with the given link parameters (e.g. { backend: 'wasm' }). */
  async open(params: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams(params).toString();
    await this.page.goto(query ? `./?${query}` : './');
  }

  async expectBackend(name: string): Promise<void> {
    await expect(this.backend).toHaveAttribute('data-state', 'ready');
    await expect(this.backend).toHaveAttribute('data-backend', name);
  }

  async waitForModel(): Promise<void> {
    await expect(this.modelStatus).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  }

  thumb(index: number): Locator {
    return this.page.locator(`button[data-sample-index="${index}"]`);
  }

  /** Clicks sample `index` in the gallery, expanding it first when the sample is hidden. */
  async pickSample(index: number): Promise<void> {
    if ((await this.thumb(index).count()) === 0) {
      await this.gallery.getByRole('button', { name: /^Show all/ }).click();
    }
    await this.thumb(index).click();
  }

  /** The predicted class index once the prediction for sample `index` is on screen. */
  async predictedClassFor(index: number): Promise<number> {
    const current = this.page.locator(`[data-testid="prediction"][data-for-sample="${index}"]`);
    await expect(current).toBeVisible();
    return Number(await current.getAttribute('data-class-index'));
  }

  /** The query parameters of the address bar now. */
  linkParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  /** The text of every notice, joined. */
  async noticeText(): Promise<string> {
    return (await this.notices.textContent()) ?? '';
  }
}

import { render } from 'preact';
import { App, askOverview, FIRST_SCREEN, wantsFirstScreen } from './App';
import './style.css';
import '../../components/authors.css';
import '../../components/item-editor.css';
import { localiseDocument, t } from '../../utils/i18n';

// Ask for the first screen at once, before the first render, not after it.
const firstScreen = wantsFirstScreen(location.search) ? askOverview({ limit: FIRST_SCREEN }) : undefined;
localiseDocument(document, t('overview.docTitle'));
render(<App firstScreen={firstScreen} />, document.getElementById('app')!);

// First: it asks for the first screen as it is evaluated, before the App's modules are.
import { firstScreen } from './first-screen';
import { render } from 'preact';
import { App } from './App';
import './style.css';
import '../../components/authors.css';
import '../../components/item-editor.css';
import { localiseDocument, t } from '../../utils/i18n';

localiseDocument(document, t('overview.docTitle'));
render(<App firstScreen={firstScreen} />, document.getElementById('app')!);

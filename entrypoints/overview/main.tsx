import { render } from 'preact';
import { App, askOverview, FIRST_SCREEN, wantsFirstScreen } from './App';
import './style.css';
import '../../components/item-editor.css';

// Ask for the first screen at once, before the first render, not after it.
const firstScreen = wantsFirstScreen(location.search) ? askOverview({ limit: FIRST_SCREEN }) : undefined;
render(<App firstScreen={firstScreen} />, document.getElementById('app')!);

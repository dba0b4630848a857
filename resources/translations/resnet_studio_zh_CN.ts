<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraSource</name>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="172"/>
        <source>The camera cannot be used: a system library is missing (libpulse). Install the package “libpulse0” (for example: sudo apt install libpulse0), then restart ResNet Studio.</source>
        <translation>无法使用摄像头：缺少一个系统库（libpulse）。请安装软件包“libpulse0”（例如：sudo apt install libpulse0），然后重新启动 ResNet Studio。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="177"/>
        <source>The camera cannot be used: this copy of ResNet Studio was installed without camera support (the PySide6-Addons package is missing).</source>
        <translation>无法使用摄像头：此 ResNet Studio 安装时未包含摄像头支持（缺少 PySide6-Addons 软件包）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="180"/>
        <source>The camera cannot be used: camera support could not be loaded on this computer.</source>
        <translation>无法使用摄像头：这台电脑上无法加载摄像头支持。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="266"/>
        <source>ResNet Studio is not allowed to use the camera. Allow it in your system&apos;s privacy settings (Camera), then press Start camera again.</source>
        <translation>ResNet Studio 没有使用摄像头的权限。请在系统的隐私设置（摄像头）中允许，然后再次点击“打开摄像头”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="280"/>
        <source>No camera was found. Connect a camera, then press Start camera.</source>
        <translation>没有找到摄像头。请连接摄像头，然后点击“打开摄像头”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="307"/>
        <source>The camera could not be used: {reason}. It may be in use by another program.</source>
        <translation>无法使用摄像头：{reason}。它可能正被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="308"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>ClassifyView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="151"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="152"/>
        <source>Which model classifies the photos. ImageNet models know 1000 everyday categories; your own models know the categories you taught them.</source>
        <translation>用哪个模型给照片分类。ImageNet 模型认识 1000 种常见类别；你自己的模型认识你教给它的类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="155"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="171"/>
        <source>Open photos…</source>
        <translation>打开照片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="156"/>
        <source>Choose photos to classify (Ctrl+O)</source>
        <translation>选择要分类的照片 (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="157"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="172"/>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="158"/>
        <source>Classify every photo in a folder and its sub-folders (Ctrl+Shift+O)</source>
        <translation>对文件夹及其子文件夹中的所有照片分类 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="159"/>
        <source>Paste photos</source>
        <translation>粘贴照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="160"/>
        <source>Classify an image or file paths from the clipboard (Ctrl+V)</source>
        <translation>对剪贴板中的图片或文件路径分类 (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="161"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="162"/>
        <source>Save all results as a spreadsheet (CSV) file (Ctrl+E)</source>
        <translation>把全部结果保存为表格 (CSV) 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="163"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="164"/>
        <source>Remove all results from the list (Ctrl+Shift+Backspace)</source>
        <translation>从列表中移除全部结果 (Ctrl+Shift+Backspace)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="131"/>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="362"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="165"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="166"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="167"/>
        <source>Stop classifying; results so far are kept (Esc)</source>
        <translation>停止分类；已有结果会保留 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="168"/>
        <source>Drop photos or folders here</source>
        <translation>把照片或文件夹拖到这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="169"/>
        <source>Folders are searched with all their sub-folders. You can also paste an image or copied files with Ctrl+V.</source>
        <translation>文件夹会连同所有子文件夹一起查找。也可以用 Ctrl+V 粘贴图片或已复制的文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="173"/>
        <source>Filter by label or file name</source>
        <translation>按标签或文件名筛选</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="174"/>
        <source>Show only results whose label or file name contains this text</source>
        <translation>只显示标签或文件名包含此文字的结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="175"/>
        <source>&amp;Sort:</source>
        <translation>排序(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="177"/>
        <source>As added</source>
        <translation>按添加顺序</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="178"/>
        <source>Label (A–Z)</source>
        <translation>标签 (A–Z)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="179"/>
        <source>Most confident first</source>
        <translation>置信度从高到低</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="180"/>
        <source>Least confident first</source>
        <translation>置信度从低到高</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="184"/>
        <source>Only “not sure”</source>
        <translation>只看“不确定”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="185"/>
        <source>Show only results whose confidence is below the threshold</source>
        <translation>只显示置信度低于阈值的结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="186"/>
        <source>Only unreadable</source>
        <translation>只看无法读取的</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="187"/>
        <source>Show only files that could not be read</source>
        <translation>只显示无法读取的文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="188"/>
        <source>Show top 5</source>
        <translation>显示前 5 名</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="189"/>
        <source>Show the five most likely labels on every card (click a card to open or close just that one)</source>
        <translation>在每张卡片上显示最可能的五个标签（单击卡片可单独展开或收起）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="191"/>
        <source>Show why</source>
        <translation>显示原因</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="192"/>
        <source>Colour each photo by how much each part made the model choose its label: red parts mattered most, blue parts not at all (Ctrl+Shift+W). Open a card and click another label to see why that one.</source>
        <translation>按照照片各部分对模型选出该标签的影响程度给照片着色：红色部分影响最大，蓝色部分毫无影响（Ctrl+Shift+W）。展开一张卡片并点击另一个标签，可查看模型为什么会认为是那个标签。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="195"/>
        <source>How strongly the colours cover the photo</source>
        <translation>颜色覆盖照片的浓淡程度</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="196"/>
        <source>Heat map opacity</source>
        <translation>热力图不透明度</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="198"/>
        <source>Whole objects</source>
        <translation>整体物体</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="199"/>
        <source>Parts</source>
        <translation>局部</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="200"/>
        <source>Fine details</source>
        <translation>细节</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="204"/>
        <source>Which stage of the network to look at: the last one (whole objects) is what the decision is made from; earlier ones show finer but less telling detail</source>
        <translation>查看网络的哪一层：最后一层（整体物体）是模型做出判断的依据；更早的层显示更精细、但说明力较弱的细节</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="206"/>
        <source>“Not sure” below:</source>
        <translation>低于此值为“不确定”：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="207"/>
        <source>Results whose top confidence is below this value are marked “not sure”</source>
        <translation>最高置信度低于此值的结果会标为“不确定”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="208"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="254"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="490"/>
        <source>Choose or download a model first; your photos will be classified then.</source>
        <translation>请先选择或下载一个模型，之后会自动为你的照片分类。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="273"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="278"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="50"/>
        <source>Open photos</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="51"/>
        <source>Images ({exts});;All files (*)</source>
        <translation>图片 ({exts});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="59"/>
        <source>Open a folder of photos</source>
        <translation>打开照片文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="76"/>
        <source>The clipboard holds no image and no file paths.</source>
        <translation>剪贴板里没有图片，也没有文件路径。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="29"/>
        <source>There are no results to export yet.</source>
        <translation>还没有可以导出的结果。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="35"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="36"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="43"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="118"/>
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="119"/>
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation>模型文件 (*.safetensors *.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="124"/>
        <source>The training folder of “{name}” is gone: where is it now?</source>
        <extracomment>TrainConfig overrides for a retrain (mode &quot;head&quot; by default: seconds on a CPU).</extracomment>
        <translation>“{name}”的训练文件夹不见了：它现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="160"/>
        <source>Wrong: it is…</source>
        <translation>错了：它是…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="166"/>
        <source>New category…</source>
        <translation>新类别…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="171"/>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="172"/>
        <source>Name of the category this photo belongs to:</source>
        <translation>这张照片所属类别的名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="184"/>
        <source>{name} is already in the training folder.</source>
        <translation>{name} 已在训练文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="203"/>
        <source>{name} is also in the training folder under another category; remove it from there if it does not belong.</source>
        <translation>{name} 也在训练文件夹的另一个类别中；如果它不属于那里，请将其删除。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="219"/>
        <source>Added {name} to “{category}”.</source>
        <translation>已将 {name} 添加到“{category}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="225"/>
        <source>Could not add the photo</source>
        <translation>无法添加照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="264"/>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="291"/>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="292"/>
        <source>Reading the pictures…</source>
        <translation>正在读取图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="293"/>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="294"/>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="295"/>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="302"/>
        <source>Reading the pictures… {done} of {total}</source>
        <translation>正在读取图片… {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="312"/>
        <source>Training… epoch {epoch} of {epochs}</source>
        <translation>训练中… 第 {epoch}/{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="322"/>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="340"/>
        <source>Retraining cancelled; the model in use did not change.</source>
        <translation>已取消重新训练；当前使用的模型没有改变。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="325"/>
        <source>Retrained: {accuracy:.0%} right on the check pictures. Now using {name}.</source>
        <translation>重新训练完成：检验图片正确率 {accuracy:.0%}。现在使用 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="335"/>
        <source>Retraining failed</source>
        <translation>重新训练失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="361"/>
        <source>Retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="364"/>
        <source>Teach the current model the photos you corrected: it learns again from its training folder, new photos included (seconds for the last layer), and the new model is used at once.</source>
        <translation>让当前模型学习你纠正过的照片：它会在训练文件夹（包括新照片）上重新学习（只训练最后一层，几秒钟），新模型会立即投入使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="369"/>
        <source>Retraining {name}…</source>
        <translation>正在重新训练 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="372"/>
        <source>{n} photo(s) added to the training folder of {name}.</source>
        <translation>已有 {n} 张照片添加到 {name} 的训练文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="54"/>
        <source>The classification engine could not start: {message}</source>
        <translation>分类引擎无法启动：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="101"/>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="407"/>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="98"/>
        <source>{name} · {n} categories</source>
        <translation>{name} · {n} 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="77"/>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="103"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="82"/>
        <source>The ImageNet weights for {name} are not on this computer yet. Download them once (internet needed), or choose a weights file you already have.</source>
        <translation>这台电脑上还没有 {name} 的 ImageNet 权重。可以下载一次（需要联网），或选择你已有的权重文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="84"/>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="132"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="85"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="86"/>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="90"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="88"/>
        <source>This model could not be loaded: {message}</source>
        <translation>无法加载此模型：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="89"/>
        <source>Choose another model file…</source>
        <translation>选择其他模型文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="448"/>
        <source>{n} file(s) were skipped because they are not images.</source>
        <translation>跳过了 {n} 个不是图片的文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="450"/>
        <source>No photos found in what you opened.</source>
        <translation>在你打开的内容中没有找到照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="459"/>
        <source>{n} file(s) were skipped because they are not pictures: {names}</source>
        <translation>{n} 个文件不是图片，已跳过：{names}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="492"/>
        <source>Classification stopped</source>
        <translation>分类已停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="494"/>
        <source>Cancelled: {done} of {total} photos were classified.</source>
        <translation>已取消：{total} 张照片中已分类 {done} 张。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="497"/>
        <source>Classified {n} photos.</source>
        <translation>已分类 {n} 张照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="130"/>
        <source>Downloading the {name} weights…</source>
        <translation>正在下载 {name} 的权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="143"/>
        <source>Downloading the {name} weights… {done:.1f} of {total:.1f} MB</source>
        <translation>正在下载 {name} 的权重… {done:.1f} / {total:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="150"/>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="151"/>
        <source>Download cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="50"/>
        <source>Saved {n} results to {path}</source>
        <translation>已将 {n} 条结果保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/explain_queue.py" line="55"/>
        <source>{name} was classified with another model: classify it again to see why.</source>
        <translation>{name} 是用另一个模型分类的：请重新分类后再查看原因。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/explain_queue.py" line="58"/>
        <source>Could not show why for {name}: {message}</source>
        <translation>无法显示 {name} 的原因：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="552"/>
        <source>Open the photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="553"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="557"/>
        <source>Copy label</source>
        <translation>复制标签</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="559"/>
        <source>Show why it could be</source>
        <translation>显示为何可能是</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="561"/>
        <source>{label} ({score:.0%})</source>
        <translation>{label}（{score:.0%}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="566"/>
        <source>Copy file path</source>
        <translation>复制文件路径</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="570"/>
        <source>Right: add to “{category}”</source>
        <translation>正确：添加到“{category}”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="580"/>
        <source>{n} photos</source>
        <translation>{n} 张照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="582"/>
        <source>{n} not sure</source>
        <translation>{n} 张不确定</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="584"/>
        <source>{n} could not be read</source>
        <translation>{n} 个无法读取</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="599"/>
        <source>Classifying {done} of {total}…</source>
        <translation>正在分类 {done} / {total}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="602"/>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="603"/>
        <source>Looking for photos…</source>
        <translation>正在查找照片…</translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="355"/>
        <source>Compare training runs</source>
        <translation>比较训练记录</translation>
    </message>
</context>
<context>
    <name>CompareRunsWidget</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="104"/>
        <source>Validation accuracy (higher is better)</source>
        <extracomment>One colour per run (mid-saturation: readable on light and dark backgrounds, and by most colour-blind people: blue and orange). The first rows of the table are results (accuracy, loss, epochs, finished); the rest settings.</extracomment>
        <translation>验证准确率（越高越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="105"/>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="107"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="108"/>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="109"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="110"/>
        <source>Solid lines: on the validation pictures. Dashed: on the training pictures.</source>
        <translation>实线：验证图片上的结果。虚线：训练图片上的结果。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="111"/>
        <source>Only differences</source>
        <translation>只看不同</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="112"/>
        <source>Hide the rows where both runs are the same</source>
        <translation>隐藏两次训练相同的行</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="113"/>
        <source>Highlighted rows differ between the two runs.</source>
        <translation>高亮的行表示两次训练不同之处。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="114"/>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="294"/>
        <source>Setting</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="170"/>
        <source>{run} (validation)</source>
        <translation>{run}（验证）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="172"/>
        <source>{run} (training)</source>
        <translation>{run}（训练）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="188"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="189"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="190"/>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="191"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="192"/>
        <source>Best epoch</source>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="193"/>
        <source>Epochs run</source>
        <translation>实际轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="194"/>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="195"/>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="196"/>
        <source>Pictures from</source>
        <translation>图片来源</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="197"/>
        <source>Pictures (training / validation)</source>
        <translation>图片（训练 / 验证）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="198"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="199"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="200"/>
        <source>What learned</source>
        <translation>训练范围</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="201"/>
        <source>Started from ImageNet weights</source>
        <translation>从 ImageNet 权重开始</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="202"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="203"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="204"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="205"/>
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="206"/>
        <source>Picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="207"/>
        <source>Varied copies of the pictures (augmentation)</source>
        <translation>图片变化副本（数据增强）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="208"/>
        <source>Mirror pictures</source>
        <translation>镜像翻转图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="209"/>
        <source>Colour changes</source>
        <translation>颜色变化</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="210"/>
        <source>Smallest crop</source>
        <translation>最小裁剪</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="211"/>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="212"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="213"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="214"/>
        <source>Share kept for validation</source>
        <translation>留作验证的比例</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="215"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="216"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="217"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="227"/>
        <source>Recall: {category}</source>
        <translation>召回率：{category}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="259"/>
        <source>{n} px</source>
        <translation>{n} 像素</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="261"/>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="263"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="261"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="263"/>
        <source>no, stopped early</source>
        <translation>否，提前停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="267"/>
        <source>last layer only</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="267"/>
        <source>last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="268"/>
        <source>the whole network</source>
        <translation>整个网络</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="43"/>
        <source>True category</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="44"/>
        <source>Predicted category</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="46"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="119"/>
        <source>No results yet</source>
        <translation>还没有结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="175"/>
        <source>{count} of {total} pictures of &apos;{true}&apos; were recognised ({share:.0f}%).</source>
        <translation>“{true}”的 {total} 张图片中有 {count} 张被正确识别（{share:.0f}%）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="177"/>
        <source>{count} of {total} pictures of &apos;{true}&apos; were taken for &apos;{pred}&apos; ({share:.0f}%).</source>
        <translation>“{true}”的 {total} 张图片中有 {count} 张被当成了“{pred}”（{share:.0f}%）。</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="135"/>
        <source>1. Your pictures</source>
        <translation>1. 你的图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="136"/>
        <source>No folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="137"/>
        <source>&amp;Choose folder…</source>
        <translation>选择文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="138"/>
        <source>Choose the folder that holds one sub-folder of pictures per category.</source>
        <translation>选择一个文件夹，其中每个类别的图片放在各自的子文件夹里。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="140"/>
        <source>Drop a folder here or choose one. Put the pictures of each category in its own sub-folder, for example cats/ and dogs/.</source>
        <translation>把文件夹拖到这里，或选择一个。把每个类别的图片放在各自的子文件夹中，例如 cats/ 和 dogs/。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="143"/>
        <source>&amp;Sort by file name…</source>
        <translation>按文件名整理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="145"/>
        <source>Make category folders from the names of the pictures (cat_01.jpg goes into cat/). You see the plan first.</source>
        <translation>根据图片的文件名建立类别文件夹（cat_01.jpg 会放进 cat/）。会先给你看整理方案。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="147"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="147"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="147"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="156"/>
        <source>Choose a dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="300"/>
        <source>Checking pictures: {done} of {total}</source>
        <translation>正在检查图片：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="316"/>
        <source>The pictures could not be checked: {reason}</source>
        <translation>无法检查这些图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="338"/>
        <source>{train} for training, {val} for validation, {test} for the final test</source>
        <translation>{train} 张用于训练，{val} 张用于验证，{test} 张用于最终测试</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="351"/>
        <source>{problem} The {count} pictures in it can be sorted into category folders by their file names.</source>
        <translation>{problem} 其中的 {count} 张图片可以按文件名整理到各类别文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="356"/>
        <source>Looking at the folder…</source>
        <translation>正在查看文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="361"/>
        <source>{classes} categories, {images} pictures. Checking the pictures…</source>
        <translation>{classes} 个类别，{images} 张图片。正在检查图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="363"/>
        <source>{classes} categories, {images} pictures.</source>
        <translation>{classes} 个类别，{images} 张图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="380"/>
        <source>All pictures could be read; no problems found.</source>
        <translation>所有图片都能读取；没有发现问题。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="91"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="92"/>
        <source>ResNet Studio checks that each of its parts works on this computer. This takes a few seconds. If something fails, copy the report and send it with your question.</source>
        <translation>ResNet Studio 会检查它的各个部分能否在这台电脑上正常工作，需要几秒钟。如果有检查失败，请复制报告并随问题一起发送。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="95"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="95"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="96"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="97"/>
        <source>Copy the full report, with technical details, to the clipboard</source>
        <translation>将完整报告（含技术细节）复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="98"/>
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="100"/>
        <source>Stop after the check that is running now</source>
        <translation>在当前检查完成后停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="103"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="173"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="193"/>
        <source>Stopping after this check…</source>
        <translation>将在本项检查完成后停止…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="193"/>
        <source>Checking… {done} done.</source>
        <translation>正在检查… 已完成 {done} 项。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="196"/>
        <source>Cancelled after {done} checks.</source>
        <translation>已取消，完成了 {done} 项检查。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="200"/>
        <source>{failed} of {n} checks failed: see the ✗ lines (click one for details).</source>
        <translation>{n} 项检查中有 {failed} 项失败：请查看标有 ✗ 的行（点击可查看详情）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="203"/>
        <source>ResNet Studio works; see the ⚠ lines for what you may want to fix.</source>
        <translation>ResNet Studio 可以正常使用；标有 ⚠ 的行列出了您可能需要处理的问题。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="205"/>
        <source>Everything works.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="224"/>
        <source>The report is on the clipboard.</source>
        <translation>报告已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="33"/>
        <source>The background process that ran this job stopped unexpectedly, perhaps because the computer ran out of memory. Try a smaller batch size or image size, or close other programs.</source>
        <translation>运行此任务的后台进程意外停止了，可能是电脑内存不足。请减小批大小或图片尺寸，或关闭其他程序。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="19"/>
        <source>This file could not be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="20"/>
        <source>This file is damaged and could not be decoded.</source>
        <translation>此文件已损坏，无法解码。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="21"/>
        <source>This file is damaged: it ends early (it may not have finished copying or downloading).</source>
        <translation>此文件已损坏：文件不完整（可能没有复制或下载完）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="23"/>
        <source>This file is empty (0 bytes).</source>
        <translation>此文件是空的（0 字节）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="24"/>
        <source>This file is not an image ResNet Studio can read (or it is badly damaged).</source>
        <translation>此文件不是 ResNet Studio 能读取的图片（或已严重损坏）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="25"/>
        <source>This file no longer exists (it was moved or deleted).</source>
        <translation>此文件已不存在（被移动或删除了）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="26"/>
        <source>This image is too large to open with the memory available.</source>
        <translation>此图片太大，现有内存无法打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="27"/>
        <source>This is a folder, not an image.</source>
        <translation>这是一个文件夹，不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="28"/>
        <source>This is a link that points to itself, not an image.</source>
        <translation>这是一个指向自身的链接，不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="29"/>
        <source>This is a link to a file that no longer exists.</source>
        <translation>这是一个链接，指向的文件已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="30"/>
        <source>This is not a normal file (it is a device or a pipe), not an image.</source>
        <translation>这不是普通文件（是设备或管道），不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="31"/>
        <source>You do not have permission to open this file.</source>
        <translation>你没有打开此文件的权限。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="38"/>
        <source>This is a PostScript or PDF document, not a picture. ResNet Studio does not open documents, because opening them can run programs.</source>
        <translation>这是 PostScript 或 PDF 文档，不是图片。ResNet Studio 不打开文档，因为打开文档可能会运行程序。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="41"/>
        <source>This is a HEIC photo, and this copy of ResNet Studio cannot read HEIC photos.</source>
        <translation>这是一张 HEIC 照片，当前安装的 ResNet Studio 无法读取 HEIC 照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="42"/>
        <source>This is a camera RAW picture, and this copy of ResNet Studio cannot read RAW pictures.</source>
        <translation>这是一张相机 RAW 图片，当前安装的 ResNet Studio 无法读取 RAW 图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="43"/>
        <source>This camera RAW file is of a kind ResNet Studio cannot read.</source>
        <translation>ResNet Studio 无法读取这种相机 RAW 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="44"/>
        <source>This file is far too big to be a picture.</source>
        <translation>这个文件太大了，不可能是一张图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="45"/>
        <source>This model gives no usable answer (its outputs are not numbers). The model file may be damaged.</source>
        <translation>这个模型给不出可用的结果（它的输出不是数字）。模型文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="48"/>
        <source>Another training is saving to this model file right now. Choose another name, or wait for it to finish.</source>
        <translation>另一个训练正在保存到这个模型文件。请换一个名称，或等它完成。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="51"/>
        <source>Training was cancelled, so the model file you already had was left as it was; the best model of this training is saved beside it.</source>
        <translation>训练已取消，原有的模型文件保持不变；本次训练的最佳模型保存在它旁边。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="54"/>
        <source>The model file changed while it was being read. Try again when it has finished copying.</source>
        <translation>读取模型文件时它发生了变化。请等文件复制完成后再试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="55"/>
        <source>This is not a normal file (it is a device or a pipe), not a model file.</source>
        <translation>这不是普通文件（它是设备或管道），不是模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="56"/>
        <source>This file is too large to be a ResNet model file (more than 1 GB).</source>
        <translation>这个文件太大（超过 1 GB），不可能是 ResNet 模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="57"/>
        <source>This file unpacks to more than 1 GB, far more than any ResNet model: it is damaged, or it is not a model file.</source>
        <translation>这个文件解压后超过 1 GB，远大于任何 ResNet 模型：它已损坏，或者不是模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="60"/>
        <source>This is a TorchScript export, made for other programs; ResNet Studio opens its own .safetensors model files or a plain PyTorch .pth state dict. Use the original .safetensors file.</source>
        <translation>这是为其他程序导出的 TorchScript 文件；ResNet Studio 只打开自己的 .safetensors 模型文件或普通的 PyTorch .pth 权重文件。请使用原来的 .safetensors 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="64"/>
        <source>This is an ONNX export, made for other programs; ResNet Studio opens its own .safetensors model files or a plain PyTorch .pth state dict. Use the original .safetensors file.</source>
        <translation>这是为其他程序导出的 ONNX 文件；ResNet Studio 只打开自己的 .safetensors 模型文件或普通的 PyTorch .pth 权重文件。请使用原来的 .safetensors 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="67"/>
        <source>This model file is damaged: its model information cannot be read.</source>
        <translation>这个模型文件已损坏：无法读取其中的模型信息。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="68"/>
        <source>This model file is damaged: its architecture is missing or is not a name.</source>
        <translation>这个模型文件已损坏：缺少网络结构，或者结构不是一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="69"/>
        <source>This model file is damaged: its list of categories is missing, empty or not a list of names.</source>
        <translation>这个模型文件已损坏：类别列表缺失、为空，或者不是名称列表。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="72"/>
        <source>This model file lists more than 100,000 categories, which no ResNet Studio model has.</source>
        <translation>这个模型文件列出了超过 100,000 个类别，ResNet Studio 的模型不会有这么多类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="73"/>
        <source>This model file is damaged: one of its category names is empty or far too long.</source>
        <translation>这个模型文件已损坏：某个类别名称为空或过长。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="74"/>
        <source>This model file is damaged: its picture sizes are missing or out of range (8 to 2048 pixels).</source>
        <translation>这个模型文件已损坏：图片尺寸缺失或超出范围（8 到 2048 像素）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="77"/>
        <source>This model file is damaged: its colour normalisation values cannot be used.</source>
        <translation>这个模型文件已损坏：其中的颜色归一化数值无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="78"/>
        <source>This model file is damaged: its training details cannot be read.</source>
        <translation>这个模型文件已损坏：无法读取其中的训练信息。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="79"/>
        <source>This model file is damaged: some of its weights are not numbers (NaN or infinite).</source>
        <translation>这个模型文件已损坏：部分权重不是数字（NaN 或无穷大）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="80"/>
        <source>This model file is damaged: some of its weights have impossible values (a negative variance).</source>
        <translation>这个模型文件已损坏：部分权重的数值不可能出现（方差为负）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="83"/>
        <source>This model file is damaged: some of its weights are not stored as numbers a model can use.</source>
        <translation>这个模型文件已损坏：部分权重的存储格式不是模型可用的数字。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="84"/>
        <source>This model file is damaged and cannot be used.</source>
        <translation>这个模型文件已损坏，无法使用。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="100"/>
        <source>The computer ran out of memory. Close other programs or use fewer, smaller images.</source>
        <translation>电脑内存不足。请关闭其他程序，或使用更少、更小的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="102"/>
        <source>Something went wrong inside ResNet Studio. The details below can help us fix it.</source>
        <translation>ResNet Studio 内部出错了。下面的详细信息可以帮助我们修复问题。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="109"/>
        <source>ResNet Studio</source>
        <translation>ResNet Studio</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../app/resnet_studio/gui/jobs/framework.py" line="225"/>
        <source>The computer ran out of memory. Try a smaller batch size or image size.</source>
        <extracomment>How much lower than the GUI thread the worker threads run (Linux nice steps). 10 rather than 5: the scheduler then gives a busy GUI thread ~80 % of a shared core instead of ~60 %; measured (bench/ui_responsiveness.py, 3 interleaved pairs) p99 GUI lateness 3.6-4.8 ms vs 4.0-6.9 ms, same throughput (workers only yield when the GUI thread has work).</extracomment>
        <translation>电脑内存不足。请尝试更小的批大小或图片尺寸。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/jobs/framework.py" line="230"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>LRFinderPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="123"/>
        <source>Learning-rate finder</source>
        <translation>学习率查找器</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="124"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="125"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="126"/>
        <source>Hide the learning-rate finder.</source>
        <translation>隐藏学习率查找器。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="127"/>
        <source>Learning rate (log scale)</source>
        <translation>学习率（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="128"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="156"/>
        <source>Getting ready…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="177"/>
        <source>Getting the pictures ready…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="178"/>
        <source>Reading the pictures with the network…</source>
        <translation>正在用网络读取图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="179"/>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="202"/>
        <source>Trying learning rates from very small to very large…</source>
        <translation>正在从很小到很大依次尝试学习率…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="258"/>
        <source>The model is not changed; this takes a few seconds to a minute.</source>
        <translation>不会改动模型；需要几秒到一分钟。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="262"/>
        <source>Suggested learning rate: {lr}. The loss falls fastest there (green band: good rates).</source>
        <translation>建议的学习率：{lr}。损失在这里下降最快（绿色区域：合适的学习率）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="265"/>
        <source>Suggested learning rate: {lr}. The loss hardly fell, so this is a careful guess.</source>
        <translation>建议的学习率：{lr}。损失几乎没有下降，这是一个保守的估计。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="267"/>
        <source>Use {lr}</source>
        <translation>使用 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="268"/>
        <source>Put {lr} in the learning-rate field.</source>
        <translation>把 {lr} 填入学习率一栏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="269"/>
        <source>Found for the current settings; search again after changing the architecture, mode, batch size or image size.</source>
        <translation>按当前设置得出；更改架构、训练范围、批大小或图片尺寸后请重新查找。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="272"/>
        <source>The learning-rate search failed: {error}</source>
        <translation>学习率查找失败：{error}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="276"/>
        <source>The learning-rate search was cancelled.</source>
        <translation>学习率查找已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="280"/>
        <source>Tries learning rates from very small to very large on your pictures and suggests one.</source>
        <translation>在你的图片上从很小到很大依次尝试学习率，并给出建议。</translation>
    </message>
</context>
<context>
    <name>LaunchDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="115"/>
        <source>Run on a bigger machine</source>
        <translation>在更强的机器上运行</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="117"/>
        <source>Train the same model on a computer with NVIDIA GPUs, or on several: copy the dataset folder there, install ResNet Studio (pip install resnet-studio), and run this command there.</source>
        <translation>在装有 NVIDIA GPU 的电脑（或多台电脑）上训练同样的模型：把数据集文件夹复制过去，安装 ResNet Studio（pip install resnet-studio），然后在那里运行下面的命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="119"/>
        <source>&amp;Dataset folder there:</source>
        <translation>那边的数据集文件夹(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="120"/>
        <source>Where the dataset folder is on that computer.</source>
        <translation>数据集文件夹在那台电脑上的位置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="121"/>
        <source>&amp;Model file:</source>
        <translation>模型文件(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="122"/>
        <source>Where the trained model is saved on that computer.</source>
        <translation>训练好的模型在那台电脑上的保存位置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="123"/>
        <source>&amp;GPUs per machine:</source>
        <translation>每台机器的 GPU 数(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="124"/>
        <source>All GPUs</source>
        <translation>全部 GPU</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="125"/>
        <source>Mac&amp;hines:</source>
        <translation>机器数(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="126"/>
        <source>More than one: run the same command on every machine.</source>
        <translation>多于一台时：在每台机器上运行同一条命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="127"/>
        <source>&amp;First machine&apos;s address:</source>
        <translation>第一台机器的地址(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="128"/>
        <source>for example gpu-server-1:29400</source>
        <translation>例如 gpu-server-1:29400</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="129"/>
        <source>Every machine connects to this one (host name or IP, and a free port).</source>
        <translation>所有机器都连接到这一台（主机名或 IP，以及一个空闲端口）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="130"/>
        <source>Find the learning rate there first (--lr auto)</source>
        <translation>先在那边查找学习率（--lr auto）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="131"/>
        <source>She&amp;ll:</source>
        <translation>命令行(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="132"/>
        <source>Linux or macOS (bash)</source>
        <translation>Linux 或 macOS（bash）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="133"/>
        <source>Windows (PowerShell)</source>
        <translation>Windows（PowerShell）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="134"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="135"/>
        <source>Copy the command to the clipboard.</source>
        <translation>把命令复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="136"/>
        <source>&amp;Save launch script…</source>
        <translation>保存启动脚本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="138"/>
        <source>When it is done, bring the model file back to this computer and add it in Models with Import model…</source>
        <translation>完成后，把模型文件拿回这台电脑，在“模型”页用“导入模型…”添加。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="183"/>
        <source>These settings have no command-line option and are left at their defaults there: {names}.</source>
        <translation>以下设置没有命令行选项，在那边会使用默认值：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="207"/>
        <source>PowerShell script (*.ps1)</source>
        <translation>PowerShell 脚本 (*.ps1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="207"/>
        <source>Shell script (*.sh)</source>
        <translation>Shell 脚本 (*.sh)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="208"/>
        <source>Save launch script</source>
        <translation>保存启动脚本</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="180"/>
        <source>ResNet Studio</source>
        <extracomment>How long closing waits for a cancelled job to stop before giving up on it (ms).</extracomment>
        <translation>ResNet Studio</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="181"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="198"/>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="182"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="198"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="250"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="183"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="198"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="184"/>
        <source>Find out what is in your photos (Ctrl+1)</source>
        <translation>看看你的照片里有什么 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="185"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="251"/>
        <source>Teach a model your own categories (Ctrl+2)</source>
        <translation>教模型认识你自己的类别 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="186"/>
        <source>See, rename, import and export models (Ctrl+3)</source>
        <translation>查看、重命名、导入和导出模型 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="187"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="198"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="188"/>
        <source>Classify what your camera sees, live (Ctrl+4)</source>
        <translation>实时识别摄像头拍到的内容 (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="191"/>
        <source>Loading the Train view…</source>
        <translation>正在加载训练页面…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="192"/>
        <source>The Train view is not available in this version.</source>
        <translation>此版本中没有训练页面。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="193"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="194"/>
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="195"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="196"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="197"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="200"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="202"/>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="203"/>
        <source>Where your trained models and settings are kept</source>
        <translation>你训练的模型和设置保存在这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="204"/>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="458"/>
        <source>About ResNet Studio</source>
        <translation>关于 ResNet Studio</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="205"/>
        <source>Diagnostics…</source>
        <translation>诊断…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="206"/>
        <source>Check that every part of ResNet Studio works on this computer</source>
        <translation>检查 ResNet Studio 的各个部分能否在这台电脑上正常工作</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="208"/>
        <source>The model used to classify</source>
        <translation>用于分类的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="209"/>
        <source>Where the models run: the processor (CPU) or a graphics card (GPU)</source>
        <translation>模型在哪里运行：处理器 (CPU) 或显卡 (GPU)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="278"/>
        <source>Stop and quit?</source>
        <translation>停止并退出？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="279"/>
        <source>A job is still running. Stop it and quit ResNet Studio?

Classification results not exported yet are lost; a training run stops and keeps the best model so far.</source>
        <translation>还有任务在运行。要停止它并退出 ResNet Studio 吗？

尚未导出的分类结果将丢失；训练会停止，并保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="349"/>
        <source>Loading engine…</source>
        <translation>正在加载引擎…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="351"/>
        <source>Engine not available</source>
        <translation>引擎不可用</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="366"/>
        <source>CUDA · {gpu}</source>
        <translation>CUDA · {gpu}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="366"/>
        <source>graphics card</source>
        <translation>显卡</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="368"/>
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="370"/>
        <source>CPU · 1 thread</source>
        <translation>CPU · 1 个线程</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="372"/>
        <source>CPU · {n} threads</source>
        <translation>CPU · {n} 个线程</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="420"/>
        <source>This translation is missing; showing English.</source>
        <translation>缺少此翻译；显示英文。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="432"/>
        <source>No recent folders</source>
        <translation>没有最近的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="436"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="459"/>
        <source>&lt;h3&gt;ResNet Studio {version}&lt;/h3&gt;&lt;p&gt;Classify photos with ResNet models and teach them your own categories — no code needed.&lt;/p&gt;&lt;p&gt;Built with PyTorch, torchvision and Qt.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ResNet Studio {version}&lt;/h3&gt;&lt;p&gt;用 ResNet 模型给照片分类，并教它们认识你自己的类别——无需编程。&lt;/p&gt;&lt;p&gt;基于 PyTorch、torchvision 和 Qt 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="106"/>
        <source>ImageNet models (1000 everyday categories)</source>
        <translation>ImageNet 模型（1000 种常见类别）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="110"/>
        <source>{name} (not downloaded)</source>
        <translation>{name}（未下载）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="112"/>
        <source>Your models</source>
        <translation>你的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="114"/>
        <source>None yet: teach one in the Train tab</source>
        <translation>还没有：在“训练”页教一个</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="118"/>
        <source>{name} ({n} categories)</source>
        <translation>{name}（{n} 个类别）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="121"/>
        <source>Choose a model file…</source>
        <translation>选择模型文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="122"/>
        <source>Use a .safetensors model file or a torchvision .pth file</source>
        <translation>使用 .safetensors 模型文件或 torchvision 的 .pth 文件</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="69"/>
        <source>ImageNet models</source>
        <translation>ImageNet 模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="70"/>
        <source>1000 categories</source>
        <translation>1000 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="71"/>
        <source>Your models</source>
        <translation>你的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="72"/>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="72"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="75"/>
        <source>Import model…</source>
        <translation>导入模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="76"/>
        <source>Add a model file (.safetensors, or a torchvision .pth) to your models (Ctrl+I)</source>
        <translation>把模型文件（.safetensors 或 torchvision 的 .pth）加入你的模型 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="78"/>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="89"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="79"/>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="91"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="80"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="81"/>
        <source>Bring back the model you deleted last (Ctrl+Z)</source>
        <translation>恢复你最后删除的模型 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="82"/>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="84"/>
        <source>Use in Classify</source>
        <translation>用于分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="83"/>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="86"/>
        <source>Download weights</source>
        <translation>下载权重</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="85"/>
        <source>Classify photos with this model</source>
        <translation>用这个模型给照片分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="87"/>
        <source>Download the ImageNet weights of this model (internet needed)</source>
        <translation>下载此模型的 ImageNet 权重（需要联网）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="90"/>
        <source>Give this model a new name (F2)</source>
        <translation>给这个模型起个新名字 (F2)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="92"/>
        <source>Delete this model; you can undo it (Del, then Ctrl+Z)</source>
        <translation>删除此模型；可以撤销（Del，然后 Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="93"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="94"/>
        <source>Save this model in a format other programs can use</source>
        <translation>把模型保存为其他程序能用的格式</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="95"/>
        <source>ONNX (.onnx)…</source>
        <translation>ONNX (.onnx)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="96"/>
        <source>TorchScript (.pt)…</source>
        <translation>TorchScript (.pt)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="90"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="90"/>
        <source>Parameters per stage</source>
        <translation>各阶段参数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="91"/>
        <source>Layers</source>
        <translation>网络层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="91"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="92"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="94"/>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="94"/>
        <source>Input size:</source>
        <translation>输入尺寸：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="95"/>
        <source>Categories:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="95"/>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="96"/>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="97"/>
        <source>Validation accuracy:</source>
        <translation>验证准确率：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="98"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="98"/>
        <source>Trained on:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="99"/>
        <source>Training:</source>
        <translation>训练设置：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="103"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="103"/>
        <source>Blocks</source>
        <translation>残差块</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="104"/>
        <source>Output channels</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="104"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="105"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="107"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="107"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="108"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="108"/>
        <source>Images</source>
        <translation>图片数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="85"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="86"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="87"/>
        <source>Training runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="88"/>
        <source>Every training run, kept with its settings and curves</source>
        <translation>每次训练都会保存，连同其设置和曲线</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="80"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="80"/>
        <source>Pictures from</source>
        <translation>图片来源</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="81"/>
        <source>What learned</source>
        <translation>训练范围</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="81"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="83"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="84"/>
        <source>Show the curves and settings of the two selected runs side by side</source>
        <translation>并排显示所选两次训练的曲线和设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="86"/>
        <source>Delete run</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="87"/>
        <source>Forget the selected runs (their models are kept); you can undo it</source>
        <translation>删除所选的训练记录（模型会保留）；可以撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="115"/>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="156"/>
        <source>on this computer</source>
        <translation>已在本机</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="116"/>
        <source>not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="133"/>
        <source>{n} categories</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="135"/>
        <source>{acc:.0%} accurate</source>
        <translation>准确率 {acc:.0%}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="141"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="147"/>
        <source>None yet: teach one in the Train tab</source>
        <translation>还没有：在“训练”页教一个</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="142"/>
        <source>Choose a model on the left</source>
        <translation>请在左侧选择一个模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="143"/>
        <source>ImageNet models recognise 1000 everyday categories; your own models recognise what you taught them.</source>
        <translation>ImageNet 模型能识别 1000 种常见类别；你自己的模型能识别你教给它的内容。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="152"/>
        <source>{block} blocks, stages of {layers}</source>
        <translation>{block} 残差块，各阶段块数 {layers}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="157"/>
        <source>not downloaded yet</source>
        <translation>尚未下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="192"/>
        <source>What to train</source>
        <translation>训练哪些部分</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="193"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="194"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="195"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="196"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="196"/>
        <source>{n} px</source>
        <translation>{n} 像素</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="198"/>
        <source>{setting}: {value}</source>
        <translation>{setting}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="215"/>
        <source>working…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="231"/>
        <source>{crop} × {crop} pixels (photos are resized to {resize} first)</source>
        <translation>{crop} × {crop} 像素（照片先缩放到 {resize}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="236"/>
        <source>{total} in total</source>
        <translation>共 {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="239"/>
        <source> (small-image stem)</source>
        <translation>（小图输入层）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="240"/>
        <source>stem (conv1 + bn1)</source>
        <translation>输入层 (conv1 + bn1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="241"/>
        <source>classifier (fc)</source>
        <translation>分类层 (fc)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="122"/>
        <source>Downloading weights…</source>
        <translation>正在下载权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="124"/>
        <source>Downloading weights… {done:.0f} of {total:.0f} MB</source>
        <translation>正在下载权重… {done:.0f} / {total:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="127"/>
        <source>Weights downloaded.</source>
        <translation>权重已下载。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="129"/>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="139"/>
        <source>Rename model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="139"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="144"/>
        <source>A model needs a name; the name cannot be empty.</source>
        <translation>模型需要一个名字；名字不能为空。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="148"/>
        <source>Rename failed</source>
        <translation>重命名失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="155"/>
        <source>Model renamed.</source>
        <translation>模型已重命名。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="175"/>
        <source>“{name}” was deleted.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="176"/>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="246"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="178"/>
        <source>“{name}” was deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除“{name}”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="199"/>
        <source>Model restored.</source>
        <translation>模型已恢复。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="208"/>
        <source>Import a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="209"/>
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation>模型文件 (*.safetensors *.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="214"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="216"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="222"/>
        <source>Model imported.</source>
        <translation>模型已导入。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="231"/>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="232"/>
        <source>TorchScript model (*.pt)</source>
        <translation>TorchScript 模型 (*.pt)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="233"/>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="238"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="239"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="242"/>
        <source>Exporting… (this checks the exported model gives the same answers)</source>
        <translation>正在导出…（会检查导出的模型给出相同的答案）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="188"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="152"/>
        <source>last layer</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="152"/>
        <source>last block</source>
        <translation>最后一个残差块</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="153"/>
        <source>whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="159"/>
        <source>Model file: {path}</source>
        <translation>模型文件：{path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="160"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="178"/>
        <source>stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="181"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="185"/>
        <source>No runs yet: every training in the Train tab is kept here</source>
        <translation>还没有训练记录：在“训练”页的每次训练都会保存在这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="186"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="200"/>
        <source>Press Compare to see these two runs side by side.</source>
        <translation>点击“比较”并排查看这两次训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="202"/>
        <source>Select a second run (Ctrl+click) to compare the two.</source>
        <translation>再选一次训练（Ctrl+单击）即可比较两者。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="204"/>
        <source>Select two runs (Ctrl+click) to compare their curves and settings.</source>
        <translation>选择两次训练（Ctrl+单击）来比较它们的曲线和设置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="243"/>
        <source>The run “{name}” was deleted.</source>
        <translation>训练记录“{name}”已删除。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="245"/>
        <source>{n} runs were deleted.</source>
        <translation>已删除 {n} 条训练记录。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="262"/>
        <source>Run restored.</source>
        <translation>训练记录已恢复。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="263"/>
        <source>Runs restored.</source>
        <translation>训练记录已恢复。</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="99"/>
        <source>Added to “{category}” in the training folder</source>
        <extracomment>The &quot;Show why&quot; heat image (QImage) to draw over the thumbnail; None when &quot;Show why&quot; is off or the map is not computed yet.</extracomment>
        <translation>已添加到训练文件夹的“{category}”中</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="123"/>
        <source>✓ Right</source>
        <extracomment>Longest time one repaint of the results list spends drawing card pictures that are not cached yet (seconds). A card takes 2-8 ms to draw while photos decode; when the list&apos;s width changes (its scroll bar appears, the window is resized) every visible card is drawn again, and seven at once froze the window for 40 ms. Cards past the budget show their previous picture (or an empty card) and are finished by the next repaint, right after. A card with &quot;Show why&quot; on is painted without its heat map yet: record id. The user clicked one of the top-k label rows of an expanded card while &quot;Show why&quot; is on. The &quot;Right&quot; / &quot;Wrong…&quot; buttons of a card (shown when ``can_correct(record)``); Wrong also gives the button&apos;s rectangle in viewport coordinates (where to open the class menu).</extracomment>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="124"/>
        <source>Wrong…</source>
        <translation>错误…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="355"/>
        <source>Could not read this file: {reason}</source>
        <translation>无法读取此文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="373"/>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="405"/>
        <source>adding…</source>
        <translation>添加中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="407"/>
        <source>added to {category}</source>
        <translation>已添加到 {category}</translation>
    </message>
</context>
<context>
    <name>SortPreviewDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="103"/>
        <source>Sort pictures by file name</source>
        <translation>按文件名整理图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="105"/>
        <source>These pictures are not in category folders yet. The category names below were found in the file names; edit them if needed. The pictures are copied, the original folder is not changed.</source>
        <translation>这些图片还没有放在类别文件夹中。下面的类别名称是从文件名中找到的，需要时可以修改。图片会被复制，原文件夹不会改变。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="108"/>
        <source>&amp;Categories:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="109"/>
        <source>Category names separated by commas, e.g. cat, dog, bird.</source>
        <translation>用逗号分隔的类别名称，例如 cat, dog, bird。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="110"/>
        <source>&amp;Update preview</source>
        <translation>更新预览(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111"/>
        <source>Goes into</source>
        <translation>放入</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="112"/>
        <source>Copy &amp;into:</source>
        <translation>复制到(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="113"/>
        <source>A new folder for the sorted pictures (it is created if needed).</source>
        <translation>存放整理后图片的新文件夹（需要时会自动创建）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="114"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="115"/>
        <source>&amp;Copy pictures</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="116"/>
        <source>Copy each picture into the folder of its category.</source>
        <translation>把每张图片复制到它所属类别的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="126"/>
        <source>Reading the file names…</source>
        <translation>正在读取文件名…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="172"/>
        <source>{category} ({count} pictures)</source>
        <translation>{category}（{count} 张图片）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="177"/>
        <source>No category name in the file name ({count} pictures)</source>
        <translation>文件名中没有类别名称（{count} 张图片）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="178"/>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="180"/>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="184"/>
        <source>not copied</source>
        <translation>不复制</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="183"/>
        <source>More than one category name ({count} pictures)</source>
        <translation>包含多个类别名称（{count} 张图片）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="193"/>
        <source>{count} pictures will be copied into {folders} category folders; {left} stay out.</source>
        <translation>将把 {count} 张图片复制到 {folders} 个类别文件夹中；{left} 张不复制。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="200"/>
        <source>Choose where to put the sorted pictures</source>
        <translation>选择整理后图片的存放位置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="209"/>
        <source>Choose a folder to copy the sorted pictures into.</source>
        <translation>选择一个文件夹来存放整理后的图片。</translation>
    </message>
</context>
<context>
    <name>TrainProgress</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="42"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="43"/>
        <source>Stop training. The best model so far is kept.</source>
        <translation>停止训练。会保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="44"/>
        <source>Progress of the whole training run.</source>
        <translation>整个训练过程的进度。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="65"/>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="109"/>
        <source>Getting ready: reading the folder and loading the network…</source>
        <translation>准备中：正在读取文件夹并加载网络…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="110"/>
        <source>Looking at every picture once (this makes the epochs fast)…</source>
        <translation>正在把每张图片看一遍（这样之后每轮训练会更快）…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="111"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="112"/>
        <source>Testing the model on the validation pictures…</source>
        <translation>正在用验证图片测试模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="113"/>
        <source>Saving the model…</source>
        <translation>正在保存模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="116"/>
        <source>Downloading the ImageNet weights…</source>
        <translation>正在下载 ImageNet 权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="118"/>
        <source>Reading every picture once…</source>
        <translation>正在把每张图片读一遍…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="124"/>
        <source>Not training. Choose your pictures, then press Start training.</source>
        <translation>未在训练。请选择图片，然后点击“开始训练”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="126"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="134"/>
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s</source>
        <translation>第 {epoch} / {epochs} 轮 · 每秒 {speed} 张图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="137"/>
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s · about {eta} left</source>
        <translation>第 {epoch} / {epochs} 轮 · 每秒 {speed} 张图片 · 约剩 {eta}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="141"/>
        <source>Stopping after the current step…</source>
        <translation>完成当前步骤后停止…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="145"/>
        <source>Training finished.</source>
        <translation>训练完成。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="146"/>
        <source>Training was cancelled. The best model so far was kept.</source>
        <translation>训练已取消。已保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="147"/>
        <source>Training was cancelled before the first epoch ended; no model was saved.</source>
        <translation>训练在第一轮结束前被取消；没有保存模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="148"/>
        <source>Training failed: {reason}</source>
        <translation>训练失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="158"/>
        <source>After epoch {epoch}: {val} right on the validation pictures (best so far {best}), loss {loss:.3f}.</source>
        <translation>第 {epoch} 轮后：验证图片正确率 {val}（目前最好 {best}），损失 {loss:.3f}。</translation>
    </message>
</context>
<context>
    <name>TrainSettingsPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="151"/>
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation>最小最快；在笔记本电脑上入门的好选择。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="152"/>
        <source>A little deeper than ResNet-18; a bit more accurate, a bit slower.</source>
        <translation>比 ResNet-18 稍深；更准确一点，也慢一点。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="153"/>
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation>经典的全能型；更准确，但更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="154"/>
        <source>Deep and accurate; best with a graphics card.</source>
        <translation>层数深、准确；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="155"/>
        <source>The deepest ResNet; best with a graphics card.</source>
        <translation>最深的 ResNet；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="156"/>
        <source>Grouped convolutions: about the speed of ResNet-50, more accurate.</source>
        <translation>分组卷积：速度与 ResNet-50 相当，更准确。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="157"/>
        <source>Large and accurate; needs a graphics card.</source>
        <translation>大而准确；需要显卡。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="158"/>
        <source>Twice as wide as ResNet-50; accurate and heavy.</source>
        <translation>宽度是 ResNet-50 的两倍；准确但计算量大。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="163"/>
        <source>2. Settings</source>
        <translation>2. 设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="164"/>
        <source>Model &amp;name:</source>
        <translation>模型名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="165"/>
        <source>For example: Leaf diseases</source>
        <translation>例如：叶片病害</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="166"/>
        <source>How the new model is called in your model list. You can change it after training.</source>
        <translation>新模型在模型列表中的名字。训练后也可以修改。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="168"/>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="169"/>
        <source>Show or hide the settings most people never need to change.</source>
        <translation>显示或隐藏大多数人不需要修改的设置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="184"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="171"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="178"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="179"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="180"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="185"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="172"/>
        <source>Last layer only (fastest)</source>
        <translation>只训练最后一层（最快）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="186"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="173"/>
        <source>Last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="187"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="174"/>
        <source>The whole network (slowest)</source>
        <translation>整个网络（最慢）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="181"/>
        <source>Start from ImageNet knowledge (recommended)</source>
        <translation>从 ImageNet 学到的知识开始（推荐）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="182"/>
        <source>Vary the training pictures (flips, crops, colours)</source>
        <translation>变换训练图片（翻转、裁剪、颜色）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="183"/>
        <source>Find a good learning rate</source>
        <translation>查找合适的学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="185"/>
        <source>Try learning rates from very small to very large on your pictures for a few seconds and suggest one. The model is not changed.</source>
        <translation>在你的图片上用几秒钟从很小到很大依次尝试学习率，并给出建议。不会改动模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="190"/>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="190"/>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="213"/>
        <source>Bigger networks can be more accurate but train and run slower.</source>
        <translation>更大的网络可能更准确，但训练和运行都更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="191"/>
        <source>&amp;What to train:</source>
        <translation>训练哪些部分(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="191"/>
        <source>Training less of the network is faster and needs fewer pictures; Automatic decides from your dataset.</source>
        <translation>训练网络中较少的部分更快，需要的图片也更少；“自动”会根据你的数据集决定。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="192"/>
        <source>Starting point:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="192"/>
        <source>Off means learning from scratch: needs many more pictures and epochs.</source>
        <translation>关闭表示从零开始学习：需要多得多的图片和训练轮数。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="193"/>
        <source>&amp;Epochs:</source>
        <translation>训练轮数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="193"/>
        <source>How many times the model sees every training picture.</source>
        <translation>模型看每张训练图片的次数。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="194"/>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="194"/>
        <source>Pictures processed together; lower it if the computer runs out of memory.</source>
        <translation>一次一起处理的图片数；如果内存不足请调小。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="195"/>
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="195"/>
        <source>How big each learning step is; too high makes training unstable.</source>
        <translation>每一步学习的幅度；太大会让训练不稳定。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="196"/>
        <source>&amp;Image size:</source>
        <translation>图片尺寸(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="196"/>
        <source>Pictures are resized to this; smaller is faster, larger sees finer detail.</source>
        <translation>图片会缩放到这个尺寸；越小越快，越大越能看清细节。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="197"/>
        <source>Augmentation:</source>
        <translation>数据增强：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="197"/>
        <source>Random changes to the pictures help the model generalise to new photos.</source>
        <translation>对图片做随机变化，能帮助模型适应新照片。</translation>
    </message>
</context>
<context>
    <name>TrainTime</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="61"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="63"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="64"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="148"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="149"/>
        <source>Run on a bigger machine…</source>
        <translation>在更强的机器上运行…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="151"/>
        <source>The command that trains this model on a computer with several GPUs, or on several computers.</source>
        <translation>在有多块 GPU 的电脑或多台电脑上训练此模型的命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="152"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="153"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="154"/>
        <source>Live curves of how well the model is learning.</source>
        <translation>实时显示模型学得怎么样的曲线。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="155"/>
        <source>Accuracy, mistakes and saving the model, after training.</source>
        <translation>训练后的准确率、错误和模型保存。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="204"/>
        <source>A model is being trained.</source>
        <translation>正在训练模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="206"/>
        <source>Looking for a good learning rate; start when it is done.</source>
        <translation>正在查找合适的学习率；完成后再开始训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="208"/>
        <source>Train a new model on these pictures (Ctrl+Enter).</source>
        <translation>用这些图片训练一个新模型 (Ctrl+Enter)。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="210"/>
        <source>Choose a folder with at least two categories of pictures first.</source>
        <translation>请先选择一个至少包含两个类别图片的文件夹。</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="191"/>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="192"/>
        <source>Accuracy (higher is better)</source>
        <translation>准确率（越高越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="193"/>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="194"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="195"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="196"/>
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="198"/>
        <source>How wrong the model still is. The thin line is each batch, the thick line its smoothed trend, the dots are measured on the validation pictures after each epoch.</source>
        <translation>模型还错得有多厉害。细线是每一批的值，粗线是平滑后的趋势，圆点是每轮结束后在验证图片上测得的值。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="202"/>
        <source>Share of pictures put in the right category after each epoch: on the validation pictures (which the model never learns from) and on the training pictures.</source>
        <translation>每轮结束后被分到正确类别的图片比例：分别在验证图片（模型从不从中学习）和训练图片上测量。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="207"/>
        <source>Training (each batch)</source>
        <translation>训练（每批）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="208"/>
        <source>Training (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="209"/>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="212"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="213"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="164"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="165"/>
        <source>A name for this model</source>
        <translation>给这个模型起个名字</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="166"/>
        <source>The name this model gets in the model list and its file name.</source>
        <translation>此模型在模型列表中的名字，也是它的文件名。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="167"/>
        <source>&amp;Save model</source>
        <translation>保存模型(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="168"/>
        <source>Keep this model under the name you typed.</source>
        <translation>用你输入的名字保存此模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="169"/>
        <source>&amp;Use this model</source>
        <translation>使用此模型(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="170"/>
        <source>Switch to the Classify view with this model selected.</source>
        <translation>切换到“分类”页并选中此模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="172"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="172"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="172"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="172"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="175"/>
        <source>The category (one sub-folder of your dataset).</source>
        <translation>类别（数据集中的一个子文件夹）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="176"/>
        <source>Of the pictures the model put in this category, the share that really belong there.</source>
        <translation>在模型归入此类别的图片中，真正属于该类别的比例。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="177"/>
        <source>Of the pictures of this category, the share the model recognised.</source>
        <translation>在此类别的图片中，被模型认出来的比例。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="178"/>
        <source>How many validation pictures of this category were tested.</source>
        <translation>此类别有多少张验证图片参与了测试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="184"/>
        <source>Per category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="185"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="186"/>
        <source>Mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="187"/>
        <source>Rows are the true categories, columns what the model said. Everything off the diagonal is a mistake.</source>
        <translation>行是真实类别，列是模型的判断。对角线以外的都是错误。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="189"/>
        <source>Validation pictures the model got wrong, the surest mistakes first. Click a picture to open it.</source>
        <translation>模型判断错误的验证图片，最有把握的错误排在前面。点击图片可打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="191"/>
        <source>Show what the model looked at</source>
        <translation>显示模型关注的区域</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="192"/>
        <source>Colour each picture by how much each part made the model give its wrong answer: red the most, blue not at all (Grad-CAM).</source>
        <translation>按图片各部分对模型错误答案的影响程度着色：红色最大，蓝色没有影响（Grad-CAM）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="266"/>
        <source>No model was saved.</source>
        <translation>没有保存模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="267"/>
        <source>Training was stopped before the first epoch ended.</source>
        <translation>训练在第一轮结束前被停止。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="271"/>
        <source>Accuracy on the validation pictures: {accuracy}</source>
        <translation>验证图片上的准确率：{accuracy}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="275"/>
        <source>Training was stopped after {epochs} epochs ({duration}). The best model so far (epoch {best}) was kept.</source>
        <translation>训练在 {epochs} 轮后停止（用时 {duration}）。已保留目前最好的模型（第 {best} 轮）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="278"/>
        <source>Trained for {epochs} epochs in {duration}; the best was epoch {best}, and that is the model kept.</source>
        <translation>共训练 {epochs} 轮，用时 {duration}；最好的是第 {best} 轮，保留的就是它。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="284"/>
        <source>last layer only</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="285"/>
        <source>last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="286"/>
        <source>the whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="288"/>
        <source>Trained {what} of {arch}, {epochs} epochs, batch size {batch}, learning rate {lr:g}.</source>
        <translation>训练了 {arch} 的{what}，{epochs} 轮，批大小 {batch}，学习率 {lr:g}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="295"/>
        <source>{count} pictures could not be read and were left out.</source>
        <translation>有 {count} 张图片无法读取，已略过。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="300"/>
        <source>Saved as {file}</source>
        <translation>已保存为 {file}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="303"/>
        <source>Kept for now as {file}. Type a name and save it to find it easily.</source>
        <translation>暂时保存为 {file}。输入名字并保存，以后更容易找到。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="356"/>
        <source>{true} → {predicted}
{confidence} sure</source>
        <translation>{true} → {predicted}
把握 {confidence}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="359"/>
        <source>This is &apos;{true}&apos; but the model said &apos;{predicted}&apos; ({confidence} sure).
{path}</source>
        <translation>这是“{true}”，但模型说是“{predicted}”（把握 {confidence}）。
{path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="488"/>
        <source>The heat maps cannot be shown: {reason}</source>
        <translation>无法显示热力图：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="494"/>
        <source>Working out what the model looked at… ({done} of {total})</source>
        <translation>正在计算模型关注的区域…（{done} / {total}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="496"/>
        <source>Red: where the model looked most when it gave its wrong answer; blue: not at all.</source>
        <translation>红色：模型给出错误答案时最关注的地方；蓝色：完全没关注。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="498"/>
        <source>{count} pictures could not be shown: {reason}</source>
        <translation>{count} 张图片无法显示：{reason}</translation>
    </message>
</context>
<context>
    <name>WebcamView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="244"/>
        <source>Camera:</source>
        <extracomment>Rates are measured over this many seconds of recent frames.</extracomment>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="245"/>
        <source>Snapshots go to:</source>
        <translation>快照保存到：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="246"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="247"/>
        <source>A dataset folder: one subfolder per class, as the Train view uses</source>
        <translation>数据集文件夹：每个类别一个子文件夹，与“训练”页使用的相同</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="248"/>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="249"/>
        <source>class name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="251"/>
        <source>The subfolder the snapshot goes into; type a new name to make a new class</source>
        <translation>快照存入的子文件夹；输入新名称即可新建类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="252"/>
        <source>Take snapshot</source>
        <translation>拍快照</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="253"/>
        <source>Save the picture shown now as a new photo in the class folder</source>
        <translation>把当前画面作为一张新照片保存到类别文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="299"/>
        <source>No camera was found on this computer. Connect a camera (or allow ResNet Studio to use it) and it appears here.</source>
        <translation>这台电脑上没有找到摄像头。连接摄像头（或允许 ResNet Studio 使用它）后，画面会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="424"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="442"/>
        <source>No labels: the model could not be loaded.</source>
        <translation>没有标签：模型无法加载。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="444"/>
        <source>The camera&apos;s model could not be loaded: {message}</source>
        <translation>摄像头使用的模型无法加载：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="487"/>
        <source>Camera {fps:.0f} frames/s · classifying {n:.1f} frames/s</source>
        <translation>摄像头 {fps:.0f} 帧/秒 · 每秒识别 {n:.1f} 帧</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="489"/>
        <source>No model · camera {fps:.0f} frames/s</source>
        <translation>没有模型 · 摄像头 {fps:.0f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="491"/>
        <source>Waiting for the Classify view&apos;s model…</source>
        <translation>正在等待“分类”页的模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="493"/>
        <source>{model} · {rates}</source>
        <translation>{model} · {rates}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="509"/>
        <source>Choose the dataset folder for snapshots</source>
        <translation>选择保存快照的数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="530"/>
        <source>(no folder chosen)</source>
        <translation>（尚未选择文件夹）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="555"/>
        <source>There is no camera picture to save yet.</source>
        <translation>还没有可保存的摄像头画面。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="561"/>
        <source>Type the class this picture belongs to first (letters, digits, spaces or dashes).</source>
        <translation>请先输入这张图片所属的类别（字母、数字、空格或连字符）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="570"/>
        <source>The snapshot was not saved: {message}</source>
        <translation>快照未保存：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="580"/>
        <source>Saved {file} in {folder}.</source>
        <translation>已将 {file} 保存到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="601"/>
        <source>Starting the camera…</source>
        <translation>正在打开摄像头…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="604"/>
        <source>Press “Start camera” to see what the model recognises, live.

Pictures never leave this computer.</source>
        <translation>点击“打开摄像头”，实时查看模型识别出的内容。

画面不会离开这台电脑。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="614"/>
        <source>Stop camera</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="614"/>
        <source>Start camera</source>
        <translation>打开摄像头</translation>
    </message>
</context>
<context>
    <name>Zoo</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="15"/>
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation>最小最快；在笔记本电脑上入门的好选择。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="16"/>
        <source>A little deeper than ResNet-18.</source>
        <translation>比 ResNet-18 稍深一些。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="17"/>
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation>经典的全能型；更准确，但更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="18"/>
        <source>Deep and accurate; best with a GPU.</source>
        <translation>层数深、准确；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="19"/>
        <source>The deepest ResNet; best with a GPU.</source>
        <translation>最深的 ResNet；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="20"/>
        <source>Grouped convolutions: ResNet-50 speed, better accuracy.</source>
        <translation>分组卷积：与 ResNet-50 速度相当，准确率更高。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="21"/>
        <source>Large and accurate; needs a GPU.</source>
        <translation>大而准确；需要显卡。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="22"/>
        <source>Twice as wide as ResNet-50; accurate, heavy.</source>
        <translation>宽度是 ResNet-50 的两倍；准确但计算量大。</translation>
    </message>
</context>
</TS>
